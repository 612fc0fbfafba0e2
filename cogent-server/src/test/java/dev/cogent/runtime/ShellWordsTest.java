package dev.cogent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellWordsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      textBlock =
          """
          ls -la # ls,-la
          cat a.txt|wc -l # cat,a.txt,wc,-l
          echo x>out.txt 2>&1;ls # echo,x,out.txt,2,1,ls
          cat 'a b' "c d" # cat,a b,c d
          echo "say \\"hi\\" \\$HOME" # echo,say "hi" $HOME
          cat a\\ b # cat,a b
          echo $(cat secrets/x) `id` # echo,$,cat,secrets/x,id
          VAR=/etc/passwd sh -c 'cat $VAR' # VAR=/etc/passwd,sh,-c,cat $VAR
          echo '' # echo,
          """)
  void splits_a_command_into_the_words_the_shell_sees(String command, String words) {
    assertThat(ShellWords.split(command.strip())).isEqualTo(List.of(words.split(",", -1)));
  }
}
