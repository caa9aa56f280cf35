// The desk's entry: scripts/bundle.mjs bundles this (and desk.css) into dist/desk.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Desk } from './desk';
import './desk.css';

createRoot(document.getElementById('desk')!).render(
  <StrictMode>
    <Desk />
  </StrictMode>,
);
