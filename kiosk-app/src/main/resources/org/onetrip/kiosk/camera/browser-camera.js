// The browser camera. Run by Vaadin's executeJs with `this` = the <onetrip-camera> element; $0 = mode ('scan' or
// 'photo'), $1 = ms between two scan frames, $2 = longest side of a scan frame (px), $3 = longest preview (ms).
// Reports to the server: started(), unavailable(reason), closed(); in scan mode frame(base64 JPEG), which the
// server decodes in the background (it stops the camera through __stopCamera when it found what it wanted).
// this.__grab(maxSide) returns a base64 JPEG.
const el = this;
const mode = $0, every = $1, scanSide = $2, maxPreview = $3;
const stop = () => {
  if (el.__stream) {
    el.__stream.getTracks().forEach(t => t.stop());
    el.__stream = null;
  }
  clearTimeout(el.__frameTimer);
  clearTimeout(el.__previewTimer);
  clearInterval(el.__watch);
};
if (el.__stopCamera) {
  el.__stopCamera();
}
el.__stopCamera = stop;
el.__grab = (maxSide) => {
  const video = el.querySelector('video');
  if (!video || !el.__stream || !video.videoWidth) {
    return null;
  }
  const f = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * f);
  canvas.height = Math.round(video.videoHeight * f);
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/jpeg', 0.85);
  return url.substring(url.indexOf(',') + 1);
};
(async () => {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    el.$server.unavailable('no-media-devices');
    return;
  }
  let stream;
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    if (!devices.some(d => d.kind === 'videoinput')) {
      el.$server.unavailable('no-camera');
      return;
    }
    stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
  } catch (e) {
    el.$server.unavailable(e && e.name ? e.name : 'error');
    return;
  }
  if (!el.isConnected) {
    stream.getTracks().forEach(t => t.stop());
    return;
  }
  el.__stream = stream;
  let video = el.querySelector('video');
  if (!video) {
    video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.setAttribute('aria-hidden', 'true');
    el.appendChild(video);
  }
  video.srcObject = stream;
  await video.play().catch(() => {});
  // a camera left on by a screen that went away is turned off
  el.__watch = setInterval(() => { if (!el.isConnected) { stop(); } }, 1000);
  el.$server.started();
  if (mode === 'scan') {
    const loop = async () => {
      if (!el.isConnected || !el.__stream) {
        stop();
        return;
      }
      const frame = el.__grab(scanSide);
      let done = false;
      if (frame) {
        try {
          done = await el.$server.frame(frame);
        } catch (e) {
          done = false;
        }
      }
      if (done) {
        stop();
      } else if (el.__stream) {
        el.__frameTimer = setTimeout(loop, every);
      }
    };
    el.__frameTimer = setTimeout(loop, every);
  } else {
    el.__previewTimer = setTimeout(() => { stop(); el.$server.closed(); }, maxPreview);
  }
})();
