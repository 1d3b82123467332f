export { webDistDir, ensureWebBuild } from './web-build';
export { webRouter, type WebRouterOptions, type UiConfig } from './web-router';
