/**
 * The keyboard, as a person uses it, in every engine (no element imported
 * here: the dist test types into the built element with these too).
 */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

/** Types into the focused control key by key (test/support/keyboard-plugin.mjs: every engine types every key). */
export async function typeText(text: string): Promise<void> {
  await executeServerCommand('type-text', { text });
}

/** Puts the test's page in front (keyboard-plugin.mjs): focus events fire only there in Firefox. */
export async function bringToFront(): Promise<void> {
  await executeServerCommand('bring-to-front');
}

/** Presses one named key (`Enter`, `Tab`, `ArrowDown`...). */
export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/**
 * Puts `value` into an input at once, as one input event delivers it: for
 * elements in a frame, where the keyboard commands reach only the top page.
 */
export function fill(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
