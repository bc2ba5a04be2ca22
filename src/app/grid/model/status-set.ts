/** How one enum value of a status looks (chip icon and tone), and a whole status enum described for display and filtering. */

export interface StatusLook {
  readonly value: number;
  /** URL and i18n token: "running". */
  readonly key: string;
  readonly icon: string;
  readonly tone: 'success' | 'info' | 'warning' | 'danger' | 'neutral';
}

/** A status enum: its looks and the i18n keys of their labels and meanings. */
export interface StatusSet {
  readonly looks: readonly StatusLook[];
  /** i18n key of a status's label, from its key. */
  readonly label: (key: string) => string;
  /** i18n key of what the status means (tooltips), from its key. */
  readonly meaning?: (key: string) => string;
}
