// First: no eval-based fast paths in zod under the CSP (must run before any schema is built).
import './zodJitless';
import './ui/styles.css';
import { startApp } from './ui/app';

startApp().catch((err: unknown) => {
  const el = document.getElementById('fatal');
  if (el) {
    el.hidden = false;
    el.textContent = `SkinSim could not start: ${(err as Error).message ?? String(err)}`;
  }
  console.error(err);
});
