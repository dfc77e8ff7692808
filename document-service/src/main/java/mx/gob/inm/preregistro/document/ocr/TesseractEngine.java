package mx.gob.inm.preregistro.document.ocr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.PointerByReference;

import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.TessAPI;

/**
 * Tesseract (the system libtesseract through Tess4J) set up for MRZ lines: one line per call, the MRZ alphabet only,
 * no dictionaries (an MRZ has no words). A Tesseract handle is not thread-safe, so a small pool of handles serves
 * concurrent requests.
 */
final class TesseractEngine implements AutoCloseable {

    static final String WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    private final TessAPI api = TessAPI.INSTANCE;
    private final BlockingQueue<TessAPI.TessBaseAPI> handles;

    TesseractEngine(Path tessdata, int poolSize) throws IOException {
        Path config = Files.createTempFile("mrz-tesseract", ".cfg");
        Files.writeString(config, "load_system_dawg 0\nload_freq_dawg 0\n");
        config.toFile().deleteOnExit();
        handles = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            TessAPI.TessBaseAPI handle = api.TessBaseAPICreate();
            PointerByReference configs = new PointerByReference();
            configs.setPointer(new StringArray(new String[] {config.toString()}));
            int status = api.TessBaseAPIInit1(handle, tessdata.toString(), "eng", TessOcrEngineMode.OEM_LSTM_ONLY,
                    configs, 1);
            if (status != 0) {
                api.TessBaseAPIDelete(handle);
                throw new IOException("Tesseract could not load eng.traineddata from " + tessdata);
            }
            api.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", WHITELIST);
            api.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_SINGLE_LINE);
            handles.add(handle);
        }
    }

    /** What Tesseract read on a line: the text, whitespace removed, and the centre of each character's box. */
    record Reading(String text, double[] centres) {
    }

    /** The text Tesseract reads on a one-line image, whitespace removed, with where it found each character. */
    Reading readLine(GrayImage line) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(line.pixels.length);
        for (float v : line.pixels) {
            buffer.put((byte) Math.max(0, Math.min(255, Math.round(v))));
        }
        buffer.flip();
        TessAPI.TessBaseAPI handle;
        try {
            handle = handles.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Tesseract", e);
        }
        try {
            api.TessBaseAPISetImage(handle, buffer, line.width, line.height, 1, line.width);
            Pointer text = api.TessBaseAPIGetUTF8Text(handle);
            try {
                String read = text == null ? "" : text.getString(0).replaceAll("\\s", "");
                return new Reading(read, centres(handle));
            } finally {
                if (text != null) {
                    api.TessDeleteText(text);
                }
                api.TessBaseAPIClear(handle);
            }
        } finally {
            handles.add(handle);
        }
    }

    /** The horizontal centre of every character box of the last recognition, left to right. */
    private double[] centres(TessAPI.TessBaseAPI handle) {
        TessAPI.TessResultIterator iterator = api.TessBaseAPIGetIterator(handle);
        if (iterator == null) {
            return new double[0];
        }
        List<Double> centres = new ArrayList<>();
        try {
            TessAPI.TessPageIterator page = api.TessResultIteratorGetPageIterator(iterator);
            IntBuffer left = IntBuffer.allocate(1);
            IntBuffer top = IntBuffer.allocate(1);
            IntBuffer right = IntBuffer.allocate(1);
            IntBuffer bottom = IntBuffer.allocate(1);
            do {
                if (api.TessPageIteratorBoundingBox(page, TessPageIteratorLevel.RIL_SYMBOL, left, top, right,
                        bottom) != 0) {
                    centres.add((left.get(0) + right.get(0)) / 2.0);
                }
            } while (api.TessPageIteratorNext(page, TessPageIteratorLevel.RIL_SYMBOL) != 0);
        } finally {
            api.TessResultIteratorDelete(iterator);
        }
        return centres.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    @Override
    public void close() {
        TessAPI.TessBaseAPI handle;
        while ((handle = handles.poll()) != null) {
            api.TessBaseAPIEnd(handle);
            api.TessBaseAPIDelete(handle);
        }
    }
}
