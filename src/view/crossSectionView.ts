import { Application, BufferImageSource, Container, Graphics, Sprite, Text, Texture } from 'pixi.js';
// Pixi's static shader/uniform sync instead of generated code: the app's CSP has no 'unsafe-eval' (docs/security.md).
import 'pixi.js/unsafe-eval';

export interface CrossSectionLabel {
  text: string;
  /** Vertical position as a fraction of the height. */
  y: number;
}

/**
 * The depth view through one line of the patch, drawn by Pixi from a worker-shaded raster, with the
 * layer names as text on the left.
 */
export class CrossSectionView {
  private readonly source: BufferImageSource;
  private readonly labels = new Container();
  private dirty = true;

  private constructor(
    readonly app: Application,
    readonly widthPx: number,
    readonly heightPx: number,
  ) {
    this.source = new BufferImageSource({
      resource: new Uint8Array(widthPx * heightPx * 4),
      width: widthPx,
      height: heightPx,
      format: 'rgba8unorm',
      scaleMode: 'linear',
      alphaMode: 'premultiplied-alpha',
    });
    app.stage.addChild(new Sprite(new Texture({ source: this.source })), this.labels);
  }

  static async create(host: HTMLElement, widthPx: number, heightPx: number): Promise<CrossSectionView> {
    const app = new Application();
    await app.init({
      width: widthPx,
      height: heightPx,
      preference: 'webgl',
      background: 0xffffff,
      antialias: false,
      autoDensity: false,
      resolution: 1,
      autoStart: false,
    });
    app.canvas.setAttribute('aria-hidden', 'true');
    app.canvas.classList.add('cross-canvas');
    host.appendChild(app.canvas);
    return new CrossSectionView(app, widthPx, heightPx);
  }

  /** Shows a new raster; returns the buffer it replaces. */
  show(pixels: Uint8Array): Uint8Array {
    const old = this.source.resource as Uint8Array;
    this.source.resource = pixels;
    this.source.update();
    this.dirty = true;
    return old;
  }

  renderIfNeeded(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.app.render();
  }

  setLabels(labels: readonly CrossSectionLabel[]): void {
    this.dirty = true;
    for (const child of this.labels.removeChildren()) child.destroy();
    for (const l of labels) {
      const t = new Text({
        text: l.text,
        style: { fontFamily: 'system-ui, sans-serif', fontSize: 11, fill: 0x17212b },
      });
      t.position.set(4, Math.round(l.y * this.heightPx) - 7);
      // A light box behind each name: channels and vessels run through the label column and crossed the text.
      const box = new Graphics().roundRect(t.x - 2, t.y, t.width + 4, t.height, 2).fill({ color: 0xffffff, alpha: 0.8 });
      this.labels.addChild(box, t);
    }
  }
}
