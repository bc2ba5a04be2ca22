import { isHeldActivation } from './held-key-guard';

function keydown(key: string, repeat: boolean, on: Element): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, repeat, bubbles: true });
  Object.defineProperty(event, 'target', { value: on });
  return event;
}

describe('held activation keys', () => {
  const button = document.createElement('button');
  const input = document.createElement('input');

  it('ignore a repeated Enter or Space on a button: holding Enter presses it once', () => {
    expect(isHeldActivation(keydown('Enter', true, button))).toBe(true);
    expect(isHeldActivation(keydown(' ', true, button))).toBe(true);
  });

  it('let the first press through, and repeats where they mean typing', () => {
    expect(isHeldActivation(keydown('Enter', false, button))).toBe(false);
    expect(isHeldActivation(keydown('Enter', true, input))).toBe(false);
    expect(isHeldActivation(keydown('ArrowDown', true, button))).toBe(false);
  });
});
