// The longest sourceUrl a URL ingest takes. Its own module, free of node imports, because the HTTP
// schemas that state it reach the browser (@mediaflow/api-types → the web UI).
export const MAX_SOURCE_URL_LENGTH = 2048;
