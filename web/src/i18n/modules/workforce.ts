/** UI text of the Workforce (issue 9) module. Keys start with `workforce.`; `en` must have every key of `zh`. */
export const zh = {} as const;

export const en: { readonly [K in keyof typeof zh]: string } = {};
