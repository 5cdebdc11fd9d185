package org.onetrip.kiosk.complaint;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

import org.onetrip.store.feedback.FeedbackStore;

/**
 * Turns a resident's choices into a consultation or complaint for the platform. A kiosk takes no free Chinese
 * text, so the record carries the chosen category and a fixed sentence naming it, always in Chinese whatever the
 * screen's language (the platform's staff read it).
 */
public final class ComplaintService {
    /** Consultation or complaint. */
    public enum Kind {
        CONSULT(List.of(Topic.ITEMS, Topic.PROGRESS, Topic.POLICY, Topic.OTHER)),
        COMPLAINT(List.of(Topic.ATTITUDE, Topic.DEADLINE, Topic.MATERIALS, Topic.FEES, Topic.DEVICE, Topic.OTHER));

        private final List<Topic> topics;

        Kind(List<Topic> topics) {
            this.topics = topics;
        }

        public List<Topic> topics() {
            return topics;
        }
    }

    /** What it is about. */
    public enum Topic { ITEMS, PROGRESS, POLICY, ATTITUDE, DEADLINE, MATERIALS, FEES, DEVICE, OTHER }

    private final FeedbackStore feedback;
    private final ResourceBundle text = ResourceBundle.getBundle("org.onetrip.kiosk.complaint.complaint",
            Locale.SIMPLIFIED_CHINESE);

    public ComplaintService(FeedbackStore feedback) {
        this.feedback = feedback;
    }

    /** The category the platform files it under: 咨询 for a consultation, the topic's name for a complaint. */
    public String category(Kind kind, Topic topic) {
        return kind == Kind.CONSULT ? text.getString("CONSULT") : text.getString("topic." + topic.name());
    }

    /** The fixed sentence the record carries. */
    public String sentence(Kind kind, Topic topic) {
        return MessageFormat.format(text.getString(kind.name() + ".text"), text.getString("topic." + topic.name()));
    }

    /** Keeps the record and queues it for the uplink; returns its id. */
    public UUID file(Kind kind, Topic topic, Optional<UUID> about) {
        if (!kind.topics().contains(topic)) {
            throw new IllegalArgumentException(kind + " has no topic " + topic);
        }
        return feedback.complain(about, category(kind, topic), sentence(kind, topic));
    }
}
