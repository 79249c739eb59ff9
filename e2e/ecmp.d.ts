// window.ecmp as the specs see it (the app declares the full type in src/app/testApi.ts).
import type { EcmpApi } from '../src/app/testApi';

declare global {
  interface Window {
    ecmp: EcmpApi;
  }
}
