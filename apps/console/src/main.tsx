import { render } from 'preact';
import './app/console.css';
import './auth/totp.css';
import { App } from './app/App.tsx';

// The page's only script: mounts the console into #root (index.html has no inline code).
render(<App />, document.getElementById('root')!);
