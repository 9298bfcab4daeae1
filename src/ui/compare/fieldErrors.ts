/**
 * Shows each field's message beside it (hidden when there is none) and marks its input invalid, described
 * by the message, so that a screen reader reads why; clears both when the field is valid again.
 */
export function showFieldErrors<F extends string>(
  errors: Partial<Record<F, string>>,
  messages: ReadonlyMap<F, HTMLElement>,
  inputs: ReadonlyMap<F, HTMLInputElement | HTMLSelectElement>,
): void {
  for (const [field, p] of messages) {
    const message = errors[field];
    p.hidden = message === undefined;
    p.textContent = message ?? '';
    const input = inputs.get(field);
    if (!input) continue;
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', p.id);
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  }
}
