// Types for scripts/desk-codegen.mjs, which test/desk/generated.test.ts imports.
export declare const deskCodegenConfig: Record<string, unknown>;
/** The generated files, by path relative to the package root, without writing them. */
export declare function generatedDeskTypes(): Promise<Map<string, string>>;
