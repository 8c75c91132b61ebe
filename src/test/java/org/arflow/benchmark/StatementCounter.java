package org.arflow.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Wraps a data source and counts the statement executions that go to the database: each {@code execute*}
 * call, a batch counting once, and each commit. That is the number of database round trips.
 */
final class StatementCounter {

    private final AtomicLong executions = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    long executions() {
        return executions.get();
    }

    long commits() {
        return commits.get();
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, result) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, result, this::onConnectionCall) : result);
    }

    private Object onConnectionCall(Method method, Object result) {
        if (method.getName().equals("commit")) {
            commits.incrementAndGet();
        }
        if (result instanceof Statement statement) {
            Class<?> type = method.getReturnType();
            return proxy(type, statement, this::onStatementCall);
        }
        return result;
    }

    private Object onStatementCall(Method method, Object result) {
        if (method.getName().startsWith("execute")) {
            executions.incrementAndGet();
        }
        return result;
    }

    private interface ResultMapper {
        Object map(Method method, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, Object target, ResultMapper mapper) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            try {
                return mapper.map(method, method.invoke(target, arguments));
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
