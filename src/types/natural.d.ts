// natural is imported one module at a time (its package root costs ~0.6 s and prints dotenv
// notices); these deep paths ship no type declarations of their own.
declare module 'natural/lib/natural/stemmers/porter_stemmer_nl.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
