// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layerBan = {
  patterns: [
    { group: ['node:*'], message: 'shared/ runs in a browser worker too: Node only in *.node.ts.' },
    { group: ['electron', 'react', 'react-dom'], message: 'shared/ is the pure analysis core.' },
  ],
};

/** shared/sql and its modules, however the path is written. */
const sqlModules = ['**/shared/sql', '**/shared/sql/*'];

/** `import('…/shared/sql/…')`, which no-restricted-imports does not see. */
const sqlDynamicImport = {
  selector: 'ImportExpression[source.value=/shared\\/sql(\\/|$)/]',
  message: 'The renderer never builds SQL: no shared/sql import, dynamic ones included.',
};

/** `import('…/shared/sql/…').Type` in a type position: outside renderer/engine, not even types. */
const sqlTypeImport = {
  selector: 'TSImportType[argument.literal.value=/shared\\/sql(\\/|$)/]',
  message: 'The renderer never builds SQL: shared/sql types come through renderer/engine.',
};

/** `vi.importActual('…/shared/sql/…')` and its kin: a test's way to the runtime module. */
const sqlTestImport = {
  selector:
    "CallExpression[callee.object.name='vi'][callee.property.name=/^(importActual|importMock|mock|doMock)$/][arguments.0.value=/shared\\/sql(\\/|$)/]",
  message: 'The renderer never builds SQL: its tests do not load shared/sql either.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'samples/data/', 'bench/out/', 'samples/out/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.node.ts', 'shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', layerBan],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    // ARCHITECTURE rule 1: the renderer never builds SQL, its tests included.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/engine/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: sqlModules, message: 'The renderer never builds SQL.' }] },
      ],
      'no-restricted-syntax': ['error', sqlDynamicImport, sqlTypeImport, sqlTestImport],
    },
  },
  {
    files: ['renderer/engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: sqlModules,
              allowTypeImports: true,
              message: 'renderer/engine may import shared/sql types only.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', sqlDynamicImport, sqlTestImport],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
