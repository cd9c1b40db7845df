package io.shequ.jobs.dimension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The type-2 rule for one member: its versions in the dimension so far, plus the states today's
 * sources show, give its versions from now on.
 *
 * <ul>
 *   <li>Closed versions never change.</li>
 *   <li>An inferred current version (a member referenced before it arrived) is completed in place by
 *       the member's earliest state: same surrogate key, same validity, so facts keep their key.</li>
 *   <li>A state effective on the current version's first day corrects it in place; an older state
 *       is history the dimension has moved past and is ignored; a later state with other attribute
 *       values closes the current version (valid_to = its effective time) and opens a new one.</li>
 *   <li>A new member's first version starts at the state's {@code member_since} (null: open).</li>
 *   <li>With {@code closeAbsentAt} set (full snapshots such as an NBS release), a current member
 *       the snapshot no longer lists is closed at that time.</li>
 * </ul>
 * Several states with the same effective time: the one with the greatest attribute text wins, so
 * the outcome does not depend on row order.
 */
final class MemberVersions implements FlatMapGroupsFunction<String, Row, Row> {

    private static final long serialVersionUID = 1L;
    static final int EXISTING = 0;
    static final int STATE = 1;

    private final String dimension;
    private final int attributeCount;
    private final Object closeAbsentAt;

    MemberVersions(String dimension, int attributeCount, Object closeAbsentAt) {
        this.dimension = dimension;
        this.attributeCount = attributeCount;
        this.closeAbsentAt = closeAbsentAt;
    }

    /** One version being built; attribute values in the dimension's order. */
    private static final class Version {
        long key;
        Object[] attributes;
        Object validFrom;
        Object validTo;
        boolean current;
        boolean inferred;
    }

    private record State(Object[] attributes, Object effective, Object memberSince) {}

    @Override
    public Iterator<Row> call(String naturalKey, Iterator<Row> rows) {
        List<Version> closed = new ArrayList<>();
        Version current = null;
        TreeMap<Object, State> states = new TreeMap<>(MemberVersions::compare);
        boolean inferenceRequested = false;
        while (rows.hasNext()) {
            Row row = rows.next();
            if (row.getInt(0) == EXISTING) {
                Version v = existing(row);
                if (!v.current) {
                    closed.add(v);
                } else if (current == null || compare(v.validFrom, current.validFrom) > 0) {
                    current = v;
                }
            } else if (flag(row, at(3))) {
                inferenceRequested = true;
            } else {
                State s = new State(attributes(row), row.get(at(4)), row.get(at(5)));
                states.merge(
                        s.effective(),
                        s,
                        (a, b) -> Arrays.toString(a.attributes()).compareTo(Arrays.toString(b.attributes())) >= 0
                                ? a
                                : b);
            }
        }
        boolean listed = !states.isEmpty();
        List<State> pending = new ArrayList<>(states.values());
        List<Version> out = new ArrayList<>(closed);
        if (current != null) {
            if (current.inferred && !pending.isEmpty()) {
                current.attributes = pending.remove(0).attributes();
                current.inferred = false;
            }
        } else if (!pending.isEmpty()) {
            State first = pending.remove(0);
            Object from = closed.isEmpty() ? first.memberSince() : first.effective();
            current = open(naturalKey, first.attributes(), from);
        } else if (inferenceRequested && closed.isEmpty()) {
            current = open(naturalKey, new Object[attributeCount], null);
            current.inferred = true;
        }
        for (State s : pending) {
            if (Arrays.equals(s.attributes(), current.attributes)) {
                continue;
            }
            int order = current.validFrom == null ? 1 : compare(s.effective(), current.validFrom);
            if (order == 0) {
                current.attributes = s.attributes();
            } else if (order > 0) {
                current.validTo = s.effective();
                current.current = false;
                out.add(current);
                current = open(naturalKey, s.attributes(), s.effective());
            }
        }
        if (current != null) {
            if (closeAbsentAt != null
                    && !listed
                    && !current.inferred
                    && (current.validFrom == null || compare(closeAbsentAt, current.validFrom) > 0)) {
                current.validTo = closeAbsentAt;
                current.current = false;
            }
            out.add(current);
        }
        out.sort(Comparator.comparing((Version v) -> v.validFrom, MemberVersions::compare));
        List<Row> result = new ArrayList<>(out.size());
        for (Version v : out) {
            result.add(toRow(naturalKey, v));
        }
        return result.iterator();
    }

    private Version open(String naturalKey, Object[] attributes, Object validFrom) {
        Version v = new Version();
        v.key = SurrogateKeys.of(dimension, naturalKey, validFrom);
        v.attributes = attributes;
        v.validFrom = validFrom;
        v.current = true;
        return v;
    }

    private Version existing(Row row) {
        Version v = new Version();
        v.key = row.getLong(2);
        v.attributes = attributes(row);
        v.validFrom = row.get(at(0));
        v.validTo = row.get(at(1));
        v.current = flag(row, at(2));
        v.inferred = flag(row, at(3));
        return v;
    }

    private Row toRow(String naturalKey, Version v) {
        Object[] values = new Object[attributeCount + 6];
        values[0] = v.key;
        values[1] = naturalKey;
        System.arraycopy(v.attributes, 0, values, 2, attributeCount);
        values[attributeCount + 2] = v.validFrom;
        values[attributeCount + 3] = v.validTo;
        values[attributeCount + 4] = v.current;
        values[attributeCount + 5] = v.inferred;
        return RowFactory.create(values);
    }

    private Object[] attributes(Row row) {
        Object[] values = new Object[attributeCount];
        for (int i = 0; i < attributeCount; i++) {
            values[i] = row.get(3 + i);
        }
        return values;
    }

    /** Position of the i-th column after the attributes: valid_from, valid_to, is_current, is_inferred, effective, since. */
    private int at(int i) {
        return 3 + attributeCount + i;
    }

    private static boolean flag(Row row, int i) {
        return !row.isNullAt(i) && row.getBoolean(i);
    }

    /** Times of one type (dates or timestamps); null sorts first, as "open at the start". */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ((Comparable) a).compareTo(b);
    }
}
