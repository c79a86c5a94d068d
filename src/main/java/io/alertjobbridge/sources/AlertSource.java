package io.alertjobbridge.sources;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.intake.ValidAlert;

/** A sender's webhook format, read into alerts of the model. */
public interface AlertSource {

    /** The source name: stored with each alert, tested by {@code match.source}, and the endpoint's name. */
    String name();

    /**
     * Every alert of one request, all checked before any is returned: a request with one bad alert is
     * refused whole, so nothing of it is stored.
     *
     * @throws BadRequestException naming the first field that is wrong
     */
    List<ValidAlert> read(JsonNode body);
}
