// @mediaflow/web: the web UI served by the embedded process (its build on start when stale, and its express router).
export { webDistDir, ensureWebBuild } from './web-build';
export { webRouter, type UiConfig } from './web-router';
