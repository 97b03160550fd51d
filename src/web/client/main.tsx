// The coordinator's screen: mounted into the page the service serves at /.
import { render } from 'preact';
import './styles.css';
import { App } from './components/App.tsx';

const root = document.getElementById('app')!;
root.textContent = ''; // the page's "Loading…" line
render(<App />, root);
