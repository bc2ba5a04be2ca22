/** The session id a "session id = …" filter of a fake client's request names, if any. */
export const sessionOf = (request: {
  filters?: { or?: { and?: { valueCondition?: { value?: { value?: unknown } } }[] }[] };
}) => request.filters?.or?.[0]?.and?.[0]?.valueCondition?.value?.value as string | undefined;
