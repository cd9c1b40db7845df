package io.shequ.simulator;

import io.shequ.simulator.GridEvent.Flow;
import io.shequ.simulator.PersonFaker.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Spoils single grid events the way vendor systems do: a reporter ID number with a wrong check
 * character, a malformed phone number, flow rows numbered out of time order, a flow row recorded
 * twice, and a vendor clock a century ahead (21xx) when the event row was written.
 *
 * <p>Every kind is drawn for every event from its own stream, so switching one rate does not move
 * the others; a kind that cannot apply (too few flow rows to reorder) is skipped.
 */
final class EventMess {

    private static final String CHECK_CHARACTERS = "0123456789X";
    private static final String LOOKALIKE_LETTERS = "OlIBSZ";
    private static final int CLOCK_YEARS_AHEAD = 100;

    private final Mess mess;
    private final Random random;

    EventMess(Mess mess, Random random) {
        this.mess = mess;
        this.random = random;
    }

    GridEvent spoil(GridEvent event) {
        boolean badId = mess.hits(MessKind.INVALID_ID_NUMBER, random);
        boolean badPhone = mess.hits(MessKind.MALFORMED_PHONE, random);
        boolean outOfOrder = mess.hits(MessKind.FLOW_OUT_OF_ORDER, random);
        boolean duplicated = mess.hits(MessKind.FLOW_DUPLICATED, random);
        boolean future = mess.hits(MessKind.FUTURE_TIMESTAMP, random);
        int draw = random.nextInt(Integer.MAX_VALUE);
        GridEvent spoiled = event;
        Person reporter = event.reporter();
        if (badId) {
            reporter = new Person(reporter.name(), reporter.phone(), wrongCheckCharacter(reporter.idNumber(), draw));
            spoiled = spoiled.withReporter(reporter, MessKind.INVALID_ID_NUMBER);
        }
        if (badPhone) {
            reporter = new Person(reporter.name(), malformed(reporter.phone(), draw), reporter.idNumber());
            spoiled = spoiled.withReporter(reporter, MessKind.MALFORMED_PHONE);
        }
        if (outOfOrder) {
            List<Integer> swappable = swappablePairs(spoiled.flows());
            if (!swappable.isEmpty()) {
                spoiled = spoiled.withFlows(
                        swap(spoiled.flows(), swappable.get(draw % swappable.size())), MessKind.FLOW_OUT_OF_ORDER);
            }
        }
        if (duplicated) {
            int n = spoiled.flows().size();
            int original = n == 1 ? 0 : 1 + draw % (n - 1);
            spoiled = spoiled.withFlows(duplicate(spoiled.flows(), original), MessKind.FLOW_DUPLICATED);
        }
        if (future) {
            // a century off (21xx for 20xx): later than any instant a test or a real extract runs at
            Duration centuryAhead =
                    Duration.between(event.reportedAt(), event.reportedAt().plusYears(CLOCK_YEARS_AHEAD));
            spoiled = spoiled.withClockSkew(centuryAhead, MessKind.FUTURE_TIMESTAMP);
        }
        return spoiled;
    }

    private static String wrongCheckCharacter(String id, int draw) {
        char right = id.charAt(17);
        String others = CHECK_CHARACTERS.replace(String.valueOf(right), "");
        return id.substring(0, 17) + others.charAt(draw % others.length());
    }

    /** 10 or 12 digits, a letter for a digit, or dashes in a number one digit short. */
    private static String malformed(String phone, int draw) {
        int position = 3 + draw % 8;
        return switch (draw % 4) {
            case 0 -> phone.substring(0, 10);
            case 1 -> phone + phone.charAt(position);
            case 2 ->
                phone.substring(0, position)
                        + LOOKALIKE_LETTERS.charAt(draw % LOOKALIKE_LETTERS.length())
                        + phone.substring(position + 1);
            default -> phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7, 10);
        };
    }

    /** Positions i (after 上报) whose flow is strictly earlier than flow i+1, so swapping their seq shows. */
    private static List<Integer> swappablePairs(List<Flow> flows) {
        List<Integer> pairs = new ArrayList<>();
        for (int i = 1; i + 1 < flows.size(); i++) {
            if (flows.get(i).actedAt().isBefore(flows.get(i + 1).actedAt())) {
                pairs.add(i);
            }
        }
        return pairs;
    }

    private static List<Flow> swap(List<Flow> flows, int i) {
        List<Flow> swapped = new ArrayList<>(flows);
        swapped.set(i, flows.get(i + 1));
        swapped.set(i + 1, flows.get(i));
        return renumbered(swapped);
    }

    /** The flow at {@code original} recorded again right after itself, under the next seq. */
    private static List<Flow> duplicate(List<Flow> flows, int original) {
        List<Flow> twice = new ArrayList<>(flows);
        twice.add(original + 1, flows.get(original));
        return renumbered(twice);
    }

    private static List<Flow> renumbered(List<Flow> flows) {
        List<Flow> numbered = new ArrayList<>(flows.size());
        for (int i = 0; i < flows.size(); i++) {
            numbered.add(flows.get(i).withSeq(i + 1));
        }
        return numbered;
    }
}
