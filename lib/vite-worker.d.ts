// Vite bundles `import X from './file?worker'` as its own script and gives a constructor that starts it.
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
