import type { Page } from 'playwright-core';

/**
 * Issue #4 asks whether the field → colour mapping is cheaper in the worker (CPU, then upload a 640²
 * RGBA texture) or in a fragment shader (upload the 160² fields, colour per pixel on the GPU).
 * This probe measures both GPU-side paths in the same browser with raw WebGL2, frame by frame,
 * forcing completion with a 1-pixel readPixels:
 *  - upload: texSubImage2D of the worker's 640² RGBA8 frame + a textured quad;
 *  - shader: texSubImage2D of two 160² RGBA16F field textures + a fragment shader doing the
 *    Beer–Lambert model of docs/appearance.md §1 (3 exp), relief lighting from a static 640² height
 *    map (4 taps) and a specular term.
 * The CPU shading the upload path also needs runs in the worker (bench/shading.ts measures it).
 */
export async function gpuShadingProbe(page: Page, frames = 120): Promise<{ uploadMs: number; shaderMs: number }> {
  return page.evaluate((n) => {
    const size = 640;
    const cells = 160;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    document.body.appendChild(canvas);
    const gl = canvas.getContext('webgl2', { antialias: false, preserveDrawingBuffer: false });
    if (!gl) throw new Error('no WebGL2');
    const vs = `#version 300 es
      in vec2 p; out vec2 uv;
      void main() { uv = p * 0.5 + 0.5; gl_Position = vec4(p, 0.0, 1.0); }`;
    const fsCopy = `#version 300 es
      precision highp float; in vec2 uv; out vec4 o; uniform sampler2D img;
      void main() { o = texture(img, uv); }`;
    const fsSkin = `#version 300 es
      precision highp float; in vec2 uv; out vec4 o;
      uniform sampler2D f0; uniform sampler2D f1; uniform sampler2D relief;
      const vec3 HB = vec3(0.05, 1.0, 0.6); const vec3 MEL = vec3(0.39, 0.56, 1.0);
      const vec3 OD0 = vec3(0.55, 0.86, 1.13);
      void main() {
        vec4 a = texture(f0, uv); vec4 b = texture(f1, uv);
        float px = 1.0 / 640.0;
        float hl = texture(relief, uv - vec2(px, 0.0)).r, hr = texture(relief, uv + vec2(px, 0.0)).r;
        float hu = texture(relief, uv - vec2(0.0, px)).r, hd = texture(relief, uv + vec2(0.0, px)).r;
        vec4 r = texture(relief, uv);
        float flatten = 1.0 - 0.8 * clamp(b.y + 0.5 * max(0.0, a.z - a.w), 0.0, 1.0);
        vec3 n = normalize(vec3((hl - hr) * 8.0 * flatten, (hu - hd) * 8.0 * flatten, 1.0));
        float h = 0.5 * a.x + r.g * b.y * 1.2;
        vec3 od = OD0 + h * HB + 5.2 * b.z * MEL - 0.1 * a.y;
        vec3 lin = exp(-od) * (0.6 + 0.4 * max(0.0, dot(n, normalize(vec3(-0.5, -0.5, 0.7)))));
        float spec = pow(max(0.0, n.z), 40.0) * (0.05 + 0.3 * b.y);
        o = vec4(pow(lin + spec, vec3(1.0 / 2.2)), 1.0);
      }`;
    const compile = (type: number, src: string): WebGLShader => {
      const s = gl.createShader(type)!;
      gl.shaderSource(s, src);
      gl.compileShader(s);
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(s) ?? 'shader');
      return s;
    };
    const program = (fs: string): WebGLProgram => {
      const p = gl.createProgram()!;
      gl.attachShader(p, compile(gl.VERTEX_SHADER, vs));
      gl.attachShader(p, compile(gl.FRAGMENT_SHADER, fs));
      gl.bindAttribLocation(p, 0, 'p');
      gl.linkProgram(p);
      if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(p) ?? 'link');
      return p;
    };
    const quad = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, quad);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
    const texture = (unit: number, w: number, internal: number, format: number, type: number, data: ArrayBufferView): WebGLTexture => {
      const t = gl.createTexture()!;
      gl.activeTexture(gl.TEXTURE0 + unit);
      gl.bindTexture(gl.TEXTURE_2D, t);
      gl.texImage2D(gl.TEXTURE_2D, 0, internal, w, w, 0, format, type, data);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      return t;
    };
    const sync = new Uint8Array(4);
    const time = (draw: (k: number) => void): number => {
      for (let k = 0; k < 5; k++) draw(k);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, sync);
      const t0 = performance.now();
      for (let k = 0; k < n; k++) {
        draw(k);
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, sync);
      }
      return (performance.now() - t0) / n;
    };

    // Path 1: upload the worker's RGBA frame.
    const rgba = new Uint8Array(size * size * 4).map((_, i) => (i * 7) & 255);
    const copy = program(fsCopy);
    gl.useProgram(copy);
    texture(0, size, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, rgba);
    gl.uniform1i(gl.getUniformLocation(copy, 'img'), 0);
    const uploadMs = time((k) => {
      rgba[k] = k & 255;
      gl.activeTexture(gl.TEXTURE0);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, size, size, gl.RGBA, gl.UNSIGNED_BYTE, rgba);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    });

    // Path 2: upload the fields, colour in the shader.
    const skin = program(fsSkin);
    gl.useProgram(skin);
    const f0 = new Float32Array(cells * cells * 4).map((_, i) => (i % 97) / 97);
    const f1 = new Float32Array(cells * cells * 4).map((_, i) => (i % 89) / 89);
    const t0 = texture(1, cells, gl.RGBA16F, gl.RGBA, gl.FLOAT, f0);
    const t1 = texture(2, cells, gl.RGBA16F, gl.RGBA, gl.FLOAT, f1);
    texture(3, size, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, rgba);
    gl.uniform1i(gl.getUniformLocation(skin, 'f0'), 1);
    gl.uniform1i(gl.getUniformLocation(skin, 'f1'), 2);
    gl.uniform1i(gl.getUniformLocation(skin, 'relief'), 3);
    const shaderMs = time((k) => {
      f0[k] = (k % 10) / 10;
      gl.activeTexture(gl.TEXTURE1);
      gl.bindTexture(gl.TEXTURE_2D, t0);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, cells, cells, gl.RGBA, gl.FLOAT, f0);
      gl.activeTexture(gl.TEXTURE2);
      gl.bindTexture(gl.TEXTURE_2D, t1);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, cells, cells, gl.RGBA, gl.FLOAT, f1);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    });
    canvas.remove();
    return { uploadMs, shaderMs };
  }, frames);
}
