package org.yiwang.geo;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.Map;
import java.util.Optional;

/**
 * Grid workers for geography's tests: wang.fang and zhao.min work full-time, li.lei part-time, and
 * "gw.N" is full-time worker number N. Other usernames are asked of the application's own directory
 * (the people module's), so that its demo grid workers are known too.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestGridWorkers {

    static final Map<String, GridWorker> KNOWN = Map.of(
            "wang.fang", new GridWorker(9001, "wang.fang", "王芳", true),
            "li.lei", new GridWorker(9002, "li.lei", "李雷", false),
            "zhao.min", new GridWorker(9003, "zhao.min", "赵敏", true));

    public static GridWorker fullTime(int number) {
        return new GridWorker(100_000 + number, "gw." + number, "网格员" + number, true);
    }

    @Bean
    @Primary
    GridWorkerDirectory testGridWorkers(ListableBeanFactory beans) {
        return new GridWorkerDirectory() {
            @Override
            public Optional<GridWorker> find(String username) {
                if (KNOWN.containsKey(username)) {
                    return Optional.of(KNOWN.get(username));
                }
                if (username.matches("gw\\.\\d{1,6}")) {
                    return Optional.of(fullTime(Integer.parseInt(username.substring(3))));
                }
                return beans.getBeansOfType(GridWorkerDirectory.class).values().stream()
                        .filter(directory -> directory != this)
                        .flatMap(directory -> directory.find(username).stream())
                        .findFirst();
            }
        };
    }
}
