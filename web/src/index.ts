export { webDistDir, ensureWebBuild } from './web-build';
export { webRouter, UI_ROUTE_PREFIXES, type WebRouterOptions, type UiConfig } from './web-router';
