/** UI text of the Quality evaluation (issue 12) module. Keys start with `quality.`; `en` must have every key of `zh`. */
export const zh = {} as const;

export const en: { readonly [K in keyof typeof zh]: string } = {};
