declare module '*.code-snippets' {
  const value: Record<string, { prefix: string | string[]; body: string | string[]; description?: string }>;
  export default value;
}
