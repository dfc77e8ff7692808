package mx.gob.inm.preregistro.platform.correlation;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

/** Restores the correlation id of a consumed record from its Kafka header, for the listener's logs. */
public class CorrelationRecordInterceptor implements RecordInterceptor<String, String> {

    @Override
    public ConsumerRecord<String, String> intercept(ConsumerRecord<String, String> record,
            Consumer<String, String> consumer) {
        Header header = record.headers().lastHeader(CorrelationId.HEADER);
        CorrelationId.set(header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<String, String> record, Consumer<String, String> consumer) {
        CorrelationId.clear();
    }
}
