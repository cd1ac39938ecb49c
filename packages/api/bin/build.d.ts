/** dist/main.js: the server bundle that bin/coinbook.js runs. */
export declare const bundlePath: string
/** Builds dist/main.js from src/main.ts (and dist/meta.json, the files it was built from). */
export declare function build(): Promise<void>
/** Whether dist/main.js exists and none of the files it was built from changed since. */
export declare function isFresh(): Promise<boolean>
