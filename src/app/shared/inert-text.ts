import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';

import { CopyToClipboard } from './clipboard';

/**
 * Characters that reorder the text around them (embeddings, overrides, isolates, marks): in an
 * option value `\u202E1.0.0` displays as "0.0.1". They are never rendered as themselves.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Characters shown before "Show all": a 200 kB value made the inspection page 74,000 px tall. */
export const SHOWN_CHARS = 400;

export type InertPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'control'; readonly code: string };

/** Splits untrusted text into plain runs and visible markers for each direction control. */
export function inertParts(text: string): InertPart[] {
  const parts: InertPart[] = [];
  let last = 0;
  for (const match of text.matchAll(BIDI_CONTROLS)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'control', code: codeOf(match[0]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/**
 * Plain-text form for small places (grid cells): each direction control as a visible
 * "⟨U+202E⟩", and at most `max` characters ("…" after). The whole value is on the record's page.
 */
export function inertLine(text: string, max = 200): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(BIDI_CONTROLS, (c) => `⟨${codeOf(c)}⟩`);
}

/** "U+202E": how Unicode names a matched control character. */
function codeOf(control: string): string {
  // A match of BIDI_CONTROLS is one character: it has a code point.
  return `U+${control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function hasBidiControls(text: string): boolean {
  return new RegExp(BIDI_CONTROLS.source).test(text);
}

/**
 * Untrusted text (option values, keys) shown so that it cannot mislead: isolated from its
 * surroundings (`<bdi>`), each direction-control character replaced by a visible "U+202E"
 * marker with a warning, and a long value cut after SHOWN_CHARS with "Show all" and "Copy".
 */
@Component({
  selector: 'app-inert-text',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (controls()) {
      <mat-icon
        class="warn"
        [attr.aria-label]="'inert.controls' | translate"
        [matTooltip]="'inert.controls' | translate"
        >warning</mat-icon
      >
    }
    <!-- Text through [textContent] only: no whitespace of the template leaks into the value. -->
    <bdi class="value" dir="ltr">
      @for (part of parts(); track $index) {
        @if (part.kind === 'text') {
          <span class="text" [textContent]="part.text"></span>
        } @else {
          <span
            class="control"
            [attr.aria-label]="'inert.control' | translate: { code: part.code }"
            [textContent]="part.code"
          ></span>
        }
      }
      @if (cut()) {
        <span class="ellipsis" aria-hidden="true" [textContent]="'…'"></span>
      }
    </bdi>
    @if (long()) {
      <span class="long">
        <span class="size">{{ 'inert.size' | translate: { count: value().length } }}</span>
        <button mat-button type="button" [attr.aria-expanded]="expanded()" (click)="toggle()">
          {{ (expanded() ? 'inert.showLess' : 'inert.showAll') | translate }}
        </button>
        <button mat-button type="button" (click)="copy()">
          <mat-icon aria-hidden="true">content_copy</mat-icon>
          {{ 'inert.copy' | translate }}
        </button>
      </span>
    }
  `,
  styles: `
    :host {
      display: inline;
    }
    .value {
      unicode-bidi: isolate;
      overflow-wrap: anywhere;
    }
    .text {
      white-space: pre-wrap;
    }
    :host(.expanded) .value {
      display: block;
      max-height: 40vh;
      overflow: auto;
    }
    .control {
      display: inline-block;
      margin: 0 2px;
      padding: 0 4px;
      border-radius: 4px;
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .warn {
      font-size: 18px;
      width: 18px;
      height: 18px;
      vertical-align: text-bottom;
      color: var(--mat-sys-error);
    }
    .long {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      margin-left: 4px;
    }
    .size {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
    }
  `,
  host: { '[class.expanded]': 'expanded()' },
})
export class InertText {
  readonly value = input.required<string>();

  private readonly clipboard = inject(CopyToClipboard);
  protected readonly expanded = signal(false);
  protected readonly long = computed(() => this.value().length > SHOWN_CHARS);
  protected readonly cut = computed(() => this.long() && !this.expanded());
  protected readonly controls = computed(() => hasBidiControls(this.value()));
  protected readonly parts = computed(() =>
    inertParts(this.cut() ? this.value().slice(0, SHOWN_CHARS) : this.value()),
  );

  protected toggle(): void {
    this.expanded.update((open) => !open);
  }

  /** Copies the value exactly as the server holds it, control characters included. */
  protected copy(): void {
    this.clipboard.copy(this.value());
  }
}
