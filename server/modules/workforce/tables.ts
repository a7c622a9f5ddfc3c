/** Tables of the Workforce (issue 9) module (district_code first in every key; docs/MODULES.md step 4). */
export {};
