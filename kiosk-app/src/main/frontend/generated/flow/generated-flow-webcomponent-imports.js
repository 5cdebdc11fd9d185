import { injectGlobalWebcomponentCss } from 'Frontend/generated/jar-resources/theme-util.js';

import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/button/src/vaadin-button.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/icons/vaadin-iconset.js';
import '@vaadin/icon/src/vaadin-icon.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === 'e67bc9798441ec4a5e74fc4be6f751fd6a8e097b7144bc2ac218a0ad8a5ab597') {
    pending.push(import('./chunks/chunk-3e53f418bb581034f8803fa3aaeabe70e16cff4bf1694dd53a19929705d22f7d.js'));
  }
  if (key === '4cd30eb122b3f27eef1c1a27b1f7e4a0e99fc97d01ad21ee472084276ae0ccb4') {
    pending.push(import('./chunks/chunk-3e53f418bb581034f8803fa3aaeabe70e16cff4bf1694dd53a19929705d22f7d.js'));
  }
  if (key === '082764497afff08c620c50ce41e3ffd9637df029e0437e432af57efd566ab7f4') {
    pending.push(import('./chunks/chunk-5623ba17069fb1e09cc727c76b5fccbc58f396eb95aa050cf4657841f44827b3.js'));
  }
  if (key === '7fb6a9f407f15828647257e03afc779cf1e3b8045948e9436d5e92fb8b27d6cc') {
    pending.push(import('./chunks/chunk-3b56e13853170a5753d845f00d5eb6063a84b295f912cc7f034d2a311cdd0dd8.js'));
  }
  if (key === '50cbb415dd4b9fa96ca1830ec6790f6c129b9e7b6c4d666ade26f2b7f902fb9a') {
    pending.push(import('./chunks/chunk-5623ba17069fb1e09cc727c76b5fccbc58f396eb95aa050cf4657841f44827b3.js'));
  }
  return Promise.all(pending);
}
window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}