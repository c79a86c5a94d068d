package io.alertjobbridge.mapping;

import java.util.List;
import java.util.Map;

/**
 * The variables for one alert, in template_detail order.
 *
 * @param globalVarList       exactly what Job receives as {@code global_var_list}: plain maps, lists,
 *                            strings and longs, so Jackson serialises it as is
 * @param maskedGlobalVarList the same with every cipher (category 4) value replaced by {@code "******"};
 *                            this is the one to store and log
 */
public record MappedVariables(List<Map<String, Object>> globalVarList, List<Map<String, Object>> maskedGlobalVarList) {

    public MappedVariables {
        globalVarList = List.copyOf(globalVarList);
        maskedGlobalVarList = List.copyOf(maskedGlobalVarList);
    }

    /** Shows only the masked list: the generated record text would print cipher values into logs. */
    @Override
    public String toString() {
        return "MappedVariables" + maskedGlobalVarList;
    }
}
