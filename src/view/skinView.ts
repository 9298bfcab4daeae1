import { Application, BufferImageSource, Container, Graphics, Sprite, Texture, type WebGLRenderer } from 'pixi.js';
// Pixi's static shader/uniform sync instead of generated code: the app's CSP has no 'unsafe-eval' (docs/security.md).
import 'pixi.js/unsafe-eval';
import type { PixelRect } from '../shading/index';
import { PointerOverlay } from './pointerOverlay';
import { applySkinFrame, type SkinFrame } from './skinFrame';

/** How the last frames reached the texture (the test hook and the benchmarks read it). */
export interface UploadStats {
  fullFrames: number;
  /** Frames that carried a changed rectangle, and the texels those uploaded. */
  rectFrames: number;
  rectTexels: number;
  /** The last rectangle uploaded, texture px (half-open). */
  lastRect: PixelRect | null;
  /** Frames with nothing changed (no upload). */
  emptyFrames: number;
}

export interface SkinViewOptions {
  host: HTMLElement;
  /** Canvas size in px (square). */
  sizePx: number;
  /** Texture size in px (square), as the worker shades it. */
  texturePx: number;
  patchMm: number;
  drumWidthMm: number;
  drumDiameterMm: number;
  needleRows: number;
}

/**
 * Pixi rendering of engine snapshots: the current skin texture, the day-0 texture behind a split and
 * the cross-section cut line; the roller and the hover marker move over it as DOM layers
 * (pointerOverlay.ts), so a pointer move re-renders nothing. It only draws what it is given; it never
 * talks to the engine.
 */
export class SkinView {
  readonly app: Application;
  readonly pxPerMm: number;
  private readonly current: BufferImageSource;
  private readonly before: BufferImageSource;
  private readonly currentSprite: Sprite;
  private readonly beforeSprite: Sprite;
  private readonly splitMask = new Graphics();
  private readonly splitLine = new Graphics();
  private readonly cutLine = new Graphics();
  private readonly pointer: PointerOverlay;
  private splitFraction = 0;
  private dirty = true;
  readonly uploads: UploadStats = { fullFrames: 0, rectFrames: 0, rectTexels: 0, lastRect: null, emptyFrames: 0 };

  private constructor(app: Application, private readonly o: SkinViewOptions) {
    this.app = app;
    this.pxPerMm = o.sizePx / o.patchMm;
    const blank = (): Uint8Array => new Uint8Array(o.texturePx * o.texturePx * 4);
    // Opaque pixels are already "premultiplied": this skips UNPACK_PREMULTIPLY_ALPHA, a per-upload
    // conversion pass that cut the frame rate to ~12 fps under SwiftShader (bench/).
    const source = (): BufferImageSource =>
      new BufferImageSource({ resource: blank(), width: o.texturePx, height: o.texturePx, format: 'rgba8unorm', scaleMode: 'linear', alphaMode: 'premultiplied-alpha' });
    this.before = source();
    this.current = source();
    const scale = o.sizePx / o.texturePx;
    const beforeSprite = new Sprite(new Texture({ source: this.before }));
    beforeSprite.scale.set(scale);
    this.currentSprite = new Sprite(new Texture({ source: this.current }));
    this.currentSprite.scale.set(scale);
    this.beforeSprite = beforeSprite;
    this.pointer = new PointerOverlay(o.host, { ...o, canvasPxPerMm: this.pxPerMm });
    const overlay = new Container();
    overlay.addChild(this.cutLine, this.splitLine);
    app.stage.addChild(beforeSprite, this.currentSprite, this.splitMask, overlay);
    this.setSplit(0);
  }

  static async create(o: SkinViewOptions): Promise<SkinView> {
    return SkinView.on(await SkinView.createApp(o.sizePx), o);
  }

  /**
   * The WebGL side alone (context, shaders): it needs no engine setup, so the app starts it while the
   * worker builds the skin (issue 17: 0.2–0.5 s of the first skin under SwiftShader).
   */
  static async createApp(sizePx: number): Promise<Application> {
    const app = new Application();
    await app.init({
      width: sizePx,
      height: sizePx,
      // WebGPU under SwiftShader loses its device; WebGL2 is solid everywhere (found on the development machines).
      preference: 'webgl',
      background: 0xf3efe9,
      // MSAA costs a lot under SwiftShader and the texture is already smooth; the roller outline is the only edge.
      antialias: false,
      autoDensity: false,
      resolution: 1,
      // Render on demand (renderIfNeeded), not on every tick: an unchanged frame costs nothing.
      autoStart: false,
    });
    app.canvas.setAttribute('aria-hidden', 'true');
    app.canvas.classList.add('skin-canvas');
    return app;
  }

  /** The skin view on an app from `createApp` (of `o.sizePx`), put into `o.host`. */
  static on(app: Application, o: SkinViewOptions): SkinView {
    o.host.appendChild(app.canvas);
    return new SkinView(app, o);
  }

  /** Draws the stage if anything changed since the last call (once per animation frame); says whether it drew. */
  renderIfNeeded(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    this.app.render();
    return true;
  }

  get rendererName(): string {
    return this.app.renderer.name;
  }

  /**
   * Shows a frame from the worker; returns the buffer that is free now (for the next request). A full
   * frame becomes the texture's buffer (the old one is returned); a changed rectangle is pasted into
   * the texture's buffer and only that rectangle is uploaded (its own buffer is returned).
   */
  showFrame(f: SkinFrame): Uint8Array {
    // The texture's buffer stays the whole current picture (Pixi re-uploads it after a lost context).
    const a = applySkinFrame(this.current.resource as Uint8Array, this.o.texturePx, f);
    const up = a.upload;
    if (up === null) {
      this.uploads.emptyFrames++;
      return a.free;
    }
    if (up.full) {
      this.current.resource = a.picture;
      this.current.update();
      this.uploads.fullFrames++;
    } else {
      this.uploadRect(up.rect, up.packed);
      this.uploads.rectFrames++;
      this.uploads.rectTexels += (up.rect.x1 - up.rect.x0) * (up.rect.y1 - up.rect.y0);
      this.uploads.lastRect = { ...up.rect };
    }
    this.dirty = true;
    return a.free;
  }

  /**
   * Uploads one rectangle of the current texture. Pixi v8's BufferImageSource.update(start, end) takes
   * a texel range (8.22: glUploadBufferImageResource / gpuUploadBufferImageResource turn it into whole
   * rows), so a stroke's tall, narrow rectangle would still send whole rows; on WebGL this sends just
   * the rectangle with one texSubImage2D on Pixi's own GL texture, leaving the GL state as it found it
   * (the 2D binding of the active unit, which Pixi caches, and the unpack premultiply flag: opaque
   * pixels need none, and SwiftShader pays a conversion pass for it). Other renderers use the range.
   */
  private uploadRect(r: PixelRect, packed: Uint8Array): void {
    const renderer = this.app.renderer;
    if (renderer.name === 'webgl') {
      const gl = (renderer as WebGLRenderer).gl;
      const glTexture = (renderer as WebGLRenderer).texture.getGlSource(this.current);
      const bound = gl.getParameter(gl.TEXTURE_BINDING_2D) as WebGLTexture | null;
      const premultiply = gl.getParameter(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL) as boolean;
      if (premultiply) gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
      gl.bindTexture(gl.TEXTURE_2D, glTexture.texture);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0, glTexture.format, glTexture.type, packed);
      gl.bindTexture(gl.TEXTURE_2D, bound);
      if (premultiply) gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
      return;
    }
    const S = this.o.texturePx;
    this.current.update(r.y0 * S + r.x0, (r.y1 - 1) * S + r.x1);
  }

  showBaseline(pixels: Uint8Array): void {
    this.before.resource = pixels;
    this.before.update();
    this.dirty = true;
  }

  /** Split: the left `fraction` of the patch shows day 0, the rest the current day. */
  setSplit(fraction: number): void {
    this.splitFraction = Math.min(1, Math.max(0, fraction));
    this.dirty = true;
    const s = this.o.sizePx;
    const x = s * this.splitFraction;
    this.splitMask.clear().rect(x, 0, s - x, s).fill({ color: 0xffffff });
    // Without a split, today's picture covers the patch: no day-0 sprite under it and no stencil mask,
    // half the pixels SwiftShader fills per frame (issue 17).
    const split = this.splitFraction > 0;
    this.beforeSprite.visible = split;
    this.splitMask.visible = split;
    this.currentSprite.mask = split ? this.splitMask : null;
    this.splitLine.clear();
    if (this.splitFraction > 0) {
      this.splitLine.moveTo(x, 0).lineTo(x, s).stroke({ width: 2, color: 0xffffff, alpha: 0.95 });
    }
  }

  /** The roller and the hover marker are DOM layers over the canvas: moving them re-renders nothing. */
  setRoller(xMm: number, yMm: number, headingRad: number, rolling: boolean, visible: boolean): void {
    this.pointer.setRoller(xMm, yMm, headingRad, rolling, visible);
  }

  setHover(xMm: number | null, yMm: number | null): void {
    this.pointer.setHover(xMm, yMm);
  }

  setCutLine(yMm: number | null): void {
    this.dirty = true;
    this.cutLine.clear();
    if (yMm === null) return;
    const y = yMm * this.pxPerMm;
    for (let x = 0; x < this.o.sizePx; x += 12) this.cutLine.moveTo(x, y).lineTo(x + 6, y);
    this.cutLine.stroke({ width: 1.5, color: 0x1b2a38, alpha: 0.7 });
  }

  /** Canvas client coordinates → patch mm (the canvas may be scaled by CSS). */
  clientToMm(clientX: number, clientY: number): { xMm: number; yMm: number } {
    const r = this.app.canvas.getBoundingClientRect();
    return {
      xMm: ((clientX - r.left) / r.width) * this.o.patchMm,
      yMm: ((clientY - r.top) / r.height) * this.o.patchMm,
    };
  }
}
