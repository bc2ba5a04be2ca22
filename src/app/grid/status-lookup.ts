import type { StatusLook, StatusSet } from './model/definition';

/**
 * The look of an enum value in a status set; a value the set does not know (a newer server)
 * looks like the set's value 0 (UNSPECIFIED), or like the last look if the set has none.
 */
export function lookOf(statuses: StatusSet, value: number): StatusLook {
  return (
    statuses.looks.find((look) => look.value === value) ??
    statuses.looks.find((look) => look.value === 0) ??
    statuses.looks[statuses.looks.length - 1]
  );
}

/** i18n key of the label of an enum value. */
export function statusLabelOf(statuses: StatusSet, value: number): string {
  return statuses.label(lookOf(statuses, value).key);
}
