// Entry point: read config.json (API origin, development token), then render the app.
import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './session';
import './styles.css';

void loadConfig().then((config) => render(<App config={config} />, document.getElementById('app')!));
