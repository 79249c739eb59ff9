// The core is built without the DOM library; this one standard global is all it uses of a host.
declare function structuredClone<T>(value: T): T;
