/** UI text of the Plan and funding (issue 13) module. Keys start with `plan.`; `en` must have every key of `zh`. */
export const zh = {} as const;

export const en: { readonly [K in keyof typeof zh]: string } = {};
