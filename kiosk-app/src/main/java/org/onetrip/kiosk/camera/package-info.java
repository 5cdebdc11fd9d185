/**
 * The terminal's camera as the kiosk's browser sees it ({@code getUserMedia}): a live preview that sends frames
 * to the server to be decoded (扫码) or takes one photo of a paper document (材料拍照). Where the terminal has no
 * camera the component says so once and the screen offers its other way.
 */
package org.onetrip.kiosk.camera;
