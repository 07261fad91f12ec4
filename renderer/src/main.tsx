import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { BridgeProvider } from './bridge/context';
import { createBridge } from './bridge/client';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BridgeProvider bridge={createBridge()}>
      <App />
    </BridgeProvider>
  </StrictMode>,
);
