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
