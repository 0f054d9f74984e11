// MDX files imported by the Storybook configuration (the element docs page template).
declare module '*.mdx' {
  const MDXContent: (props: Record<string, unknown>) => unknown;
  export default MDXContent;
}
