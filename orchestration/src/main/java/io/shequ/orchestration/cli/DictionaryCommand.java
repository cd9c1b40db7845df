package io.shequ.orchestration.cli;

import io.shequ.warehouse.DataDictionary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the data dictionary (every table's grain, description, columns in Chinese and English,
 * and tests) as Markdown and HTML. Each publish also writes it into {@code <home>/warehouse/}.
 */
@Command(
        name = "dictionary",
        mixinStandardHelpOptions = true,
        description = "Write the data dictionary (dictionary.md and dictionary.html) generated from the models' YAML.")
public final class DictionaryCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "folder to write dictionary.md and dictionary.html into")
    Path out;

    @Override
    public Integer call() {
        for (Path file :
                DataDictionary.ofShippedModels().writeTo(out.toAbsolutePath().normalize())) {
            System.out.println("wrote " + file);
        }
        return 0;
    }
}
