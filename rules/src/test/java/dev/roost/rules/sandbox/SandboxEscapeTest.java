package dev.roost.rules.sandbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every known way out of the sandbox is refused at compile time, naming the construct and where it starts. */
class SandboxEscapeTest {

    private final ExpressionCompiler compiler = new ExpressionCompiler(ExpressionLimits.defaults());

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Runtime.getRuntime().exec('rm -rf /')          | 1 | 1  | class reference Runtime
            Class.forName('java.lang.Runtime')             | 1 | 1  | class reference Class
            ''.getClass().getMethods()                     | 1 | 4  | reflection (getClass)
            System.exit(0)                                 | 1 | 1  | class reference System
            new java.io.File('/etc/passwd')                | 1 | 1  | new
            java.lang.Thread.sleep(10000)                  | 1 | 1  | class reference java.lang.Thread
            while(true){}                                  | 1 | 1  | while loop
            def f(){f()}; f()                              | 1 | 1  | function definition (def)
            import java.io.*; 1                            | 1 | 1  | import
            value.class                                    | 1 | 7  | class literal '.class'
            value.getClass().forName('x')                  | 1 | 7  | reflection (getClass)
            state['a'].class.classLoader                   | 1 | 12 | class literal '.class'
            String.class.getMethods()                      | 1 | 8  | class literal '.class'
            Math.class                                     | 1 | 6  | class literal '.class'
            (x in value)                                   | 1 | 2  | projection (in)
            value < 18 && (v in state.values())            | 1 | 16 | projection (in)
            (value in state)                               | 1 | 8  | projection (in)
            (java.lang.Runtime) value                      | 1 | 2  | class reference java.lang.Runtime
            (String) value                                 | 1 | 2  | class reference String
            state.put('home/lock', 'open')                 | 1 | 7  | method put
            rule.vars.clear()                              | 1 | 11 | method clear
            value.getClass                                 | 1 | 7  | reflection (getClass)
            fields_.read(value, 'x')                       | 1 | 1  | name fields_
            value.toString().concat(payload)               | 1 | 18 | method concat
            payload.split(',')                             | 1 | 9  | method split
            payload.chars().count()                        | 1 | 9  | method chars
            Math.class.getClassLoader()                    | 1 | 6  | class literal '.class'
            Math.getClass()                                | 1 | 6  | reflection (getClass)
            with (value) { temperature = 3 }               | 1 | 1  | with block
            java.nio.file.Files.readAllLines(payload)      | 1 | 1  | class reference java.nio.file.Files
            javax.script.ScriptEngineManager               | 1 | 1  | class reference javax.script.ScriptEngineManager
            Integer.MAX_VALUE                              | 1 | 9  | static field Integer.MAX_VALUE
            Math.random()                                  | 1 | 6  | static method Math.random
            T(java.lang.Runtime).getRuntime()              | 1 | 1  | class reference T
            payload.repeat(1000000000)                     | 1 | 9  | method repeat
            payload.replace('a', payload)                  | 1 | 9  | method replace
            payload.matches('(a+)+b')                      | 1 | 9  | method matches
            value = 3                                      | 1 | 7  | assignment
            state['x'] += 1                                | 1 | 12 | assignment
            value++                                        | 1 | 6  | increment
            1; 2                                           | 1 | 2  | statement separator ';'
            [1, 2, 3].size()                               | 1 | 1  | inline list '['
            {'a': 1}                                       | 1 | 1  | block or inline map '{'
            value?.temperature                             | 1 | 6  | null-safe navigation '?.'
            value.?temperature                             | 1 | 6  | null-safe navigation '.?'
            isdef value                                    | 1 | 1  | isdef
            $.foo                                          | 1 | 1  | '$'
            @{value}                                       | 1 | 1  | template or annotation '@'
            value instanceof String                        | 1 | 7  | instanceof
            foreach (x : value) { x }                      | 1 | 1  | foreach loop
            for (i = 0; i < 10; i++) {}                    | 1 | 1  | for loop
            do { 1 } while (true)                          | 1 | 1  | do loop
            until (false) {}                               | 1 | 1  | until loop
            function f() { 1 }                             | 1 | 1  | function definition (function)
            exec('ls')                                     | 1 | 1  | function call exec
            now.getZone().getRules()                       | 1 | 5  | method getZone
            now.dayOfWeek.declaringClass                   | 1 | 5  | property dayOfWeek of a time
            now.getDayOfWeek().getDeclaringClass()         | 1 | 20 | method getDeclaringClass
            payload.toUpperCase().chars()                  | 1 | 23 | method chars
            value.wait()                                   | 1 | 7  | method wait
            value ~= '.*'                                  | 1 | 7  | regular-expression match '~='
            1 << 40                                        | 1 | 3  | shift operator '<<'
            'a' # 'b'                                      | 1 | 5  | '#'
            this.value                                     | 1 | 1  | this
            value.toString().getBytes()                    | 1 | 18 | method getBytes
            sun.misc.Unsafe                                | 1 | 1  | class reference sun.misc.Unsafe
            payload.contains(payload.substring(1))         | 1 | 9  | method contains with a computed argument (search for a literal)
            state['a'].indexOf(topic) > 0                  | 1 | 12 | method indexOf with a computed argument (search for a literal)
            "value > 1 &&\n  Runtime.getRuntime()"         | 2 | 3  | class reference Runtime
            "value\n  .getClass()"                         | 2 | 4  | reflection (getClass)
            """)
    void escapeRouteIsRejectedWithConstructAndPosition(String source, int line, int column, String construct) {
        String text = source.replace("\\n", "\n");

        ExpressionRejected rejected = catchThrowableOfType(ExpressionRejected.class, () -> compiler.compile(text));

        assertThat(rejected).as("rejected: %s", text).isNotNull();
        assertThat(rejected.construct()).isEqualTo(construct);
        assertThat(rejected.line()).isEqualTo(line);
        assertThat(rejected.column()).isEqualTo(column);
        assertThat(rejected.getMessage()).startsWith("line " + line + ", column " + column + ": ");
    }
}
