/** UI text of the Families (issue 11) module. Keys start with `families.`; `en` must have every key of `zh`. */
export const zh = {} as const;

export const en: { readonly [K in keyof typeof zh]: string } = {};
