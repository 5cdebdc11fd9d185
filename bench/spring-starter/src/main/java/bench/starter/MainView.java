package bench.starter;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;

/** One view: a heading, a field, a button and a grid — the smallest page a Vaadin team would call an app. */
@Route("")
public class MainView extends VerticalLayout {
    public record Row(String name, int count) {
    }

    public MainView() {
        TextField name = new TextField("Name");
        Grid<Row> grid = new Grid<>(Row.class, false);
        grid.addColumn(Row::name).setHeader("Name");
        grid.addColumn(Row::count).setHeader("Count");
        grid.setItems(List.of(new Row("a", 1), new Row("b", 2), new Row("c", 3)));
        Button add = new Button("Add", e -> grid.setItems(List.of(new Row(name.getValue(), 0))));
        H1 heading = new H1("Starter");
        heading.setId("ready");
        add(heading, name, add, grid);
    }
}
