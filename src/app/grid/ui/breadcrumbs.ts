import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { equals, gridLink } from '../grid-link';
import type { LinkTarget } from '../model/definition';
import type { GridFilters } from '../model/filter-types';

/**
 * One step of a drill-down trail: a translated label (`label`, an i18n key) or a literal id
 * (`text`, untrusted, shown as text). The last crumb is the page itself and is not a link.
 */
export interface Crumb {
  readonly label?: string;
  readonly text?: string;
  readonly link?: LinkTarget;
}

/** A grid page, optionally filtered: "Tasks" (of a session). */
export function gridCrumb(
  label: string,
  path: string,
  group: Parameters<typeof gridLink>[1] = [],
): Crumb {
  return { label, link: gridLink(path, group) };
}

/** An id leading to its inspection page. */
export function idCrumb(path: string, id: string): Crumb {
  return { text: id, link: { commands: [path, id] } };
}

/** <Things> › <id>: a grid and one of its rows. */
export function entityTrail(label: string, path: string, id: string): Crumb[] {
  return [gridCrumb(label, path), idCrumb(path, id)];
}

/**
 * Sessions › <session> › <grid of the session's children>: the start of every trail below a
 * session. `path` is the child grid ("/tasks"), filtered on the session's id.
 */
export function sessionTrail(sessionId: string, label?: string, path?: string): Crumb[] {
  const trail = entityTrail('breadcrumbs.sessions', '/sessions', sessionId);
  return label && path ? [...trail, gridCrumb(label, path, equals('sessionId', sessionId))] : trail;
}

/** A parent a grid can be filtered on: its column in that grid, and the trail down to it. */
export interface TrailParent {
  readonly column: string;
  readonly trail: (id: string) => Crumb[];
}

/**
 * The trail of a grid page opened by a drill-down: when its filters are one group holding
 * "<parent column> equals <id>" (the tasks of one session), Sessions › <id> › <this grid>.
 * Nothing for an unfiltered or differently filtered grid: it is not below anything.
 */
export function drillTrail(
  filters: GridFilters,
  parents: readonly TrailParent[],
  label: string,
): Crumb[] {
  const [group] = filters.groups;
  if (!group || filters.groups.length !== 1) return [];
  for (const parent of parents) {
    const id = group.find(
      (c) => c.field === parent.column && c.op === 'eq' && c.values.length === 1,
    )?.values[0];
    if (id !== undefined) return [...parent.trail(id), { label }];
  }
  return [];
}

/** Where the page sits in the drill-down: Sessions › session › Tasks › task. */
@Component({
  selector: 'app-breadcrumbs',
  imports: [MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav [attr.aria-label]="'breadcrumbs.label' | translate">
      <ol>
        @for (crumb of crumbs(); track $index; let last = $last) {
          <li>
            @if (crumb.link && !last) {
              <a
                [class.mono]="!crumb.label"
                [routerLink]="crumb.link.commands"
                [queryParams]="crumb.link.queryParams"
                >{{ crumb.label ? (crumb.label | translate) : crumb.text }}</a
              >
            } @else {
              <span [class.mono]="!crumb.label" [attr.aria-current]="last ? 'page' : null">{{
                crumb.label ? (crumb.label | translate) : crumb.text
              }}</span>
            }
            @if (!last) {
              <mat-icon aria-hidden="true">chevron_right</mat-icon>
            }
          </li>
        }
      </ol>
    </nav>
  `,
  styles: `
    ol {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 2px;
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      font-size: 0.875rem;
    }
    li {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      min-width: 0;
    }
    a {
      color: var(--mat-sys-primary);
    }
    .mono {
      overflow-wrap: anywhere;
    }
    [aria-current='page'] {
      font-weight: 500;
    }
    mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
      color: var(--mat-sys-outline);
    }
  `,
})
export class Breadcrumbs {
  readonly crumbs = input.required<readonly Crumb[]>();
}
