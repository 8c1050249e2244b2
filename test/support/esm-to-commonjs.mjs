// jose 6 (which jwks-rsa, under the Microsoft 365 Agents SDK's JWT check, requires) is published as
// ES modules only. Node 20.19+ loads them with require(); jest's module system does not (before Node
// 24.9), so jest compiles them to CommonJS with TypeScript's transpiler (jest.config.js).
import ts from 'typescript';

export default {
  process(source, filename) {
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
      },
    });
    return { code: outputText };
  },
};
