package org.onetrip.kiosk.evaluation;

import java.util.List;
import java.util.UUID;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionStore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/**
 * 好差评 after a card tap: one question per screen. First which submission (skipped when there is only one),
 * then five large answers from 非常满意 to 非常不满意; the rating is kept and queued for the platform at once.
 */
@Route(value = "evaluate", layout = KioskLayout.class)
public class EvaluationView extends VerticalLayout implements BeforeEnterObserver {
    /** The five answers, best first, with the platform's rating (5 = 非常满意 … 1 = 非常不满意). */
    static final List<Integer> RATINGS = List.of(5, 4, 3, 2, 1);

    private final SubmissionStore store;
    private final FeedbackStore feedback;

    public EvaluationView(SubmissionStore store, FeedbackStore feedback) {
        this.store = store;
        this.feedback = feedback;
        addClassName("screen");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var card = ResidentSession.current().card();
        if (card.isEmpty()) {
            event.forwardTo(HomeView.class);
            return;
        }
        chooseSubmission(card.get());
    }

    private void chooseSubmission(IdentityCard card) {
        removeAll();
        List<SealedSubmission> mine = store.findByApplicant(card.idNumber());
        if (mine.size() == 1) {
            askRating(mine.getFirst());
            return;
        }
        add(new H1(getTranslation("evaluation.choose")));
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("evaluation.none"));
            none.setId("evaluation-none");
            add(none);
            return;
        }
        Div list = new Div();
        list.addClassName("choice-list");
        for (SealedSubmission s : mine) {
            Button pick = new Button(s.itemName(), e -> askRating(s));
            pick.addClassName("choice");
            pick.getElement().setAttribute("data-submission", s.id().toString());
            list.add(pick);
        }
        add(list);
    }

    private void askRating(SealedSubmission s) {
        removeAll();
        Span item = new Span(s.itemName());
        item.addClassName("item-name");
        Div answers = new Div();
        answers.addClassName("rating-answers");
        for (int rating : RATINGS) {
            Button answer = new Button(getTranslation("evaluation.rating." + rating), e -> rate(s.id(), rating));
            answer.setId("rate-" + rating);
            answer.addClassName("rating");
            answer.addClassName("rating-" + rating);
            answers.add(answer);
        }
        add(new H1(getTranslation("evaluation.question")), item, answers);
    }

    private void rate(UUID submission, int rating) {
        feedback.rate(submission, rating, "");
        removeAll();
        Paragraph thanks = new Paragraph(getTranslation("evaluation.thanks"));
        thanks.setId("evaluation-thanks");
        thanks.addClassName("done-message");
        Button done = new Button(getTranslation("receipt.done"), e -> e.getSource().getUI().ifPresent(ResidentSession::end));
        done.setId("done");
        done.addClassName("primary-action");
        add(new H1(getTranslation("evaluation.title")), thanks, new Paragraph(getTranslation("evaluation.hotline")), done);
    }
}
